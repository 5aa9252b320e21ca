-- Neovim's built-in LSP client against Plumb's server (run by neovim.test.ts):
--   nvim --headless -u NONE -i NONE -n -c 'luafile test/neovim/lspClient.lua'
-- Inputs come from the environment: PLUMB_SERVER (dist/server.js), PLUMB_ROOT (workspace folder),
-- PLUMB_FILE (the spec to open), PLUMB_REQUESTS (JSON: completion/hover positions) and PLUMB_OUT (where
-- to write what Neovim received, as JSON). Exits 0 when it got diagnostics, 1 on timeout or error.
local out_path = os.getenv('PLUMB_OUT')

local function finish(result, code)
  local f = assert(io.open(out_path, 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd(code == 0 and 'qall!' or 'cquit 1')
end

local ok, err = pcall(function()
  local file = os.getenv('PLUMB_FILE')
  local requests = vim.fn.json_decode(os.getenv('PLUMB_REQUESTS'))
  local published = {}
  local stderr = {}
  local client_id = vim.lsp.start_client({
    name = 'plumb',
    cmd = { 'node', os.getenv('PLUMB_SERVER'), '--stdio' },
    cmd_cwd = os.getenv('PLUMB_ROOT'),
    root_dir = os.getenv('PLUMB_ROOT'),
    handlers = {
      ['textDocument/publishDiagnostics'] = function(e, result, ctx, config)
        vim.lsp.diagnostic.on_publish_diagnostics(e, result, ctx, config)
        table.insert(published, result)
      end,
    },
    on_error = function(code, e) table.insert(stderr, tostring(code) .. ': ' .. vim.inspect(e)) end,
  })
  if not client_id then error('vim.lsp.start_client returned nil') end

  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(bufnr, client_id)

  local uri = vim.uri_from_fname(file)
  local function mine()
    for _, p in ipairs(published) do
      if p.uri == uri then return p end
    end
  end
  if not vim.wait(15000, function() return mine() ~= nil end, 10) then
    finish({ error = 'no textDocument/publishDiagnostics for ' .. uri .. ' within 15 s', published = published, errors = stderr }, 1)
    return
  end

  local function request(method, pos)
    local params = { textDocument = { uri = uri }, position = pos }
    local responses = vim.lsp.buf_request_sync(bufnr, method, params, 10000) or {}
    local r = responses[client_id] or {}
    return { result = r.result, error = r.err }
  end
  local client = vim.lsp.get_client_by_id(client_id)
  local result = {
    serverName = client.name,
    completionProvider = client.server_capabilities and client.server_capabilities.completionProvider ~= nil,
    published = mine(),
    -- What Neovim made of them (0-based lnum/col), i.e. what its signs and virtual text show.
    buffer = vim.diagnostic.get(bufnr),
    completion = request('textDocument/completion', requests.completion),
    hover = request('textDocument/hover', requests.hover),
  }
  vim.lsp.stop_client(client_id)
  vim.wait(2000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 10)
  finish(result, 0)
end)
if not ok then finish({ error = tostring(err) }, 1) end
