/**
 * @fileoverview flag-deprecated-config-preferred: a kubelet flag that the kubelet reference marks
 * "DEPRECATED: This parameter should be set via the config file specified by the Kubelet's
 * --config flag". The flag still works and overrides the file, so a hardened KubeletConfiguration
 * can be silently undone by a drop-in or `kubeletExtraArgs`. Report only: the move needs an edit
 * in another file (the KubeletConfiguration named by `--config`).
 */
import { createRule } from "../src/rule.js";
import { carrierLabel } from "./shared/_flag-hygiene.js";

type MessageIds = "deprecated";

/** Deprecated kubelet flag → its KubeletConfiguration (kubelet.config.k8s.io/v1beta1) field. */
const CONFIG_FIELD: Record<string, string> = {
  address: "address",
  "anonymous-auth": "authentication.anonymous.enabled",
  "authentication-token-webhook": "authentication.webhook.enabled",
  "authentication-token-webhook-cache-ttl": "authentication.webhook.cacheTTL",
  "authorization-mode": "authorization.mode",
  "authorization-webhook-cache-authorized-ttl": "authorization.webhook.cacheAuthorizedTTL",
  "authorization-webhook-cache-unauthorized-ttl": "authorization.webhook.cacheUnauthorizedTTL",
  "cgroup-driver": "cgroupDriver",
  "cgroup-root": "cgroupRoot",
  "cgroups-per-qos": "cgroupsPerQOS",
  "client-ca-file": "authentication.x509.clientCAFile",
  "cluster-dns": "clusterDNS",
  "cluster-domain": "clusterDomain",
  "container-log-max-files": "containerLogMaxFiles",
  "container-log-max-size": "containerLogMaxSize",
  "container-runtime-endpoint": "containerRuntimeEndpoint",
  "contention-profiling": "enableContentionProfiling",
  "cpu-cfs-quota": "cpuCFSQuota",
  "cpu-cfs-quota-period": "cpuCFSQuotaPeriod",
  "cpu-manager-policy": "cpuManagerPolicy",
  "cpu-manager-reconcile-period": "cpuManagerReconcilePeriod",
  "enable-controller-attach-detach": "enableControllerAttachDetach",
  "enable-debugging-handlers": "enableDebuggingHandlers",
  "enable-server": "enableServer",
  "enforce-node-allocatable": "enforceNodeAllocatable",
  "event-burst": "eventBurst",
  "event-qps": "eventRecordQPS",
  "eviction-hard": "evictionHard",
  "eviction-max-pod-grace-period": "evictionMaxPodGracePeriod",
  "eviction-minimum-reclaim": "evictionMinimumReclaim",
  "eviction-pressure-transition-period": "evictionPressureTransitionPeriod",
  "eviction-soft": "evictionSoft",
  "eviction-soft-grace-period": "evictionSoftGracePeriod",
  "fail-swap-on": "failSwapOn",
  "feature-gates": "featureGates",
  "file-check-frequency": "fileCheckFrequency",
  "hairpin-mode": "hairpinMode",
  "healthz-bind-address": "healthzBindAddress",
  "healthz-port": "healthzPort",
  "http-check-frequency": "httpCheckFrequency",
  "image-gc-high-threshold": "imageGCHighThresholdPercent",
  "image-gc-low-threshold": "imageGCLowThresholdPercent",
  "kernel-memcg-notification": "kernelMemcgNotification",
  "kube-api-burst": "kubeAPIBurst",
  "kube-api-content-type": "contentType",
  "kube-api-qps": "kubeAPIQPS",
  "kube-reserved": "kubeReserved",
  "kube-reserved-cgroup": "kubeReservedCgroup",
  "kubelet-cgroups": "kubeletCgroups",
  "make-iptables-util-chains": "makeIPTablesUtilChains",
  "manifest-url": "staticPodURL",
  "manifest-url-header": "staticPodURLHeader",
  "max-open-files": "maxOpenFiles",
  "max-pods": "maxPods",
  "node-status-max-images": "nodeStatusMaxImages",
  "node-status-update-frequency": "nodeStatusUpdateFrequency",
  "oom-score-adj": "oomScoreAdj",
  "pod-cidr": "podCIDR",
  "pod-manifest-path": "staticPodPath",
  "pod-max-pids": "podPidsLimit",
  "pods-per-core": "podsPerCore",
  port: "port",
  "protect-kernel-defaults": "protectKernelDefaults",
  "provider-id": "providerID",
  "qos-reserved": "qosReserved",
  "read-only-port": "readOnlyPort",
  "register-node": "registerNode",
  "register-with-taints": "registerWithTaints",
  "registry-burst": "registryBurst",
  "registry-qps": "registryPullQPS",
  "reserved-cpus": "reservedSystemCPUs",
  "resolv-conf": "resolvConf",
  "rotate-certificates": "rotateCertificates",
  "rotate-server-certificates": "serverTLSBootstrap",
  "runtime-request-timeout": "runtimeRequestTimeout",
  "serialize-image-pulls": "serializeImagePulls",
  "streaming-connection-idle-timeout": "streamingConnectionIdleTimeout",
  "sync-frequency": "syncFrequency",
  "system-cgroups": "systemCgroups",
  "system-reserved": "systemReserved",
  "system-reserved-cgroup": "systemReservedCgroup",
  "tls-cert-file": "tlsCertFile",
  "tls-cipher-suites": "tlsCipherSuites",
  "tls-min-version": "tlsMinVersion",
  "tls-private-key-file": "tlsPrivateKeyFile",
  "topology-manager-policy": "topologyManagerPolicy",
  "topology-manager-scope": "topologyManagerScope",
  "volume-plugin-dir": "volumePluginDir",
  "volume-stats-agg-period": "volumeStatsAggPeriod",
};

export default createRule<MessageIds>({
  name: "flag-deprecated-config-preferred",
  meta: {
    type: "suggestion",
    docs: {
      description: "Prefer the KubeletConfiguration file over kubelet flags that are deprecated in its favour",
      severity: "info",
      presets: ["recommended"],
    },
    messages: {
      deprecated:
        "kubelet --{{flag}} ({{carrier}}) is deprecated: 'This parameter should be set via the config file specified by the Kubelet's --config flag'. Set {{field}} in the KubeletConfiguration instead; a flag overrides the file, so a reviewed config can be silently undone here.",
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return {
      FlagSet(set) {
        if (set.component !== "kubelet") return;
        for (const f of set.flags) {
          const field = CONFIG_FIELD[f.name];
          if (!field) continue;
          context.report({ node: { range: f.range }, messageId: "deprecated", data: { flag: f.name, field, carrier: carrierLabel(f) } });
        }
      },
    };
  },
});
