-- Neovim as the LSP client of `kubeguard lsp` (run by test/lsp/nvim.test.ts):
--   nvim --headless -u NONE -i NONE -n -c "luafile test/lsp/nvim/quickfix.lua"
-- Environment: KG_NODE, KG_BIN (the server command), KG_ROOT (workspace), KG_FILE (the file whose
-- quick fix is applied), KG_ACTION (the code action's title), KG_FILE2 (a second file: diagnostics
-- only), KG_OUT (where the JSON report goes). Works with Neovim 0.7 (Debian 12) and later.
local env = function(name)
  local v = os.getenv(name)
  if not v or v == "" then error("missing environment variable " .. name) end
  return v
end
local out_path = env("KG_OUT")
local report = {}

local function finish(err)
  if err then report.error = tostring(err) end
  local f = assert(io.open(out_path, "w"))
  f:write(vim.fn.json_encode(report))
  f:close()
  vim.cmd("qall!")
end

local function request_sync(client, method, params, bufnr)
  if vim.fn.has("nvim-0.11") == 1 then return client:request_sync(method, params, 20000, bufnr) end
  return client.request_sync(method, params, 20000, bufnr)
end

-- Diagnostics of a buffer as Neovim holds them (0-based lnum; col in bytes of the line).
local function diagnostics_of(bufnr)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = (d.user_data and d.user_data.lsp) or {}
    table.insert(list, {
      code = d.code or lsp.code,
      lnum = d.lnum,
      col = d.col,
      end_lnum = d.end_lnum,
      end_col = d.end_col,
      severity = d.severity,
      source = d.source,
      href = lsp.codeDescription and lsp.codeDescription.href or vim.NIL,
    })
  end
  table.sort(list, function(a, b) return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col) end)
  return list
end

local function wait_for(what, predicate)
  if not vim.wait(30000, predicate, 20) then error("timed out waiting for " .. what) end
end

local ok, err = pcall(function()
  vim.cmd("filetype on")
  local config = { name = "kubeguard", cmd = { env("KG_NODE"), env("KG_BIN"), "lsp", "--stdio" }, root_dir = env("KG_ROOT") }
  local client_id = vim.lsp.start_client(config)
  if not client_id then error("the server did not start") end

  -- The second file: diagnostics only (its finding lies after a multi-byte character).
  vim.cmd("edit " .. vim.fn.fnameescape(env("KG_FILE2")))
  local buf2 = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(buf2, client_id)
  wait_for("diagnostics of " .. env("KG_FILE2"), function() return #vim.diagnostic.get(buf2) > 0 end)
  report.diagnostics2 = diagnostics_of(buf2)

  vim.cmd("edit " .. vim.fn.fnameescape(env("KG_FILE")))
  local buf = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(buf, client_id)
  wait_for("diagnostics of " .. env("KG_FILE"), function() return #vim.diagnostic.get(buf) > 0 end)
  report.diagnostics = diagnostics_of(buf)
  local client = vim.lsp.get_client_by_id(client_id)
  report.offset_encoding = client.offset_encoding

  -- Code actions for the whole line of the first finding, as `:lua vim.lsp.buf.code_action()` asks.
  local first = report.diagnostics[1]
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = { start = { line = first.lnum, character = 0 }, ["end"] = { line = first.lnum + 1, character = 0 } },
    context = { diagnostics = {} },
  }
  local response = request_sync(client, "textDocument/codeAction", params, buf)
  if not response or response.err then error("textDocument/codeAction failed: " .. vim.inspect(response)) end
  report.titles = {}
  local chosen
  for _, action in ipairs(response.result or {}) do
    table.insert(report.titles, action.title)
    if action.title == env("KG_ACTION") then chosen = action end
  end
  if not chosen then error("no code action titled " .. env("KG_ACTION")) end
  vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding)
  vim.cmd("write")

  -- The server re-lints the edited buffer: the finding goes away.
  wait_for("the diagnostics to update after the fix", function()
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if d.lnum == first.lnum and (d.code or "") == first.code then return false end
    end
    return true
  end)
  report.after = diagnostics_of(buf)
  vim.lsp.stop_client(client_id)
  wait_for("the server to stop", function() return vim.lsp.get_client_by_id(client_id) == nil end)
end)
finish(not ok and err or nil)
