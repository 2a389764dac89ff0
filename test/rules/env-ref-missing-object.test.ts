import rule from "../../rules/env-ref-missing-object.js";
import { runRuleTests } from "../rule-tester.js";

runRuleTests(rule, {
  valid: [
    {
      name: "a reference in another namespace's object does not count, but optional references are never reported",
      code: "apiVersion: v1\nkind: Secret\nmetadata: {name: s, namespace: a}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: b}\nspec:\n  containers:\n    - name: c\n      image: x:1\n      envFrom:\n        - secretRef: {name: s, optional: true}\n",
    },
  ],
});
