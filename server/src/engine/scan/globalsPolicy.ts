/**
 * Which pickle globals are dangerous, which are trusted, and why. The lists draw on picklescan's
 * `_unsafe_globals`/`_safe_globals` and modelscan's CRITICAL/HIGH sets, and on what
 * torch.load(weights_only=True) accepts; README.md in this folder explains the choices.
 * A module listed with '*' covers its submodules too (`os` covers `os.path`).
 */

export type GlobalLevel = 'dangerous' | 'safe' | 'unknown';

export interface GlobalVerdict {
  level: GlobalLevel;
  /** What the global can do (dangerous) or why it is trusted (safe). */
  reason: string;
}

type Names = '*' | string[];

const SHELL = 'runs programs or shell commands';
const EVAL = 'evaluates or compiles Python code';
const INDIRECT = 'turns data into attribute look-ups or calls, the building block of pickle exploits';
const FILES = 'reads, writes or deletes files';
const NETWORK = 'opens network connections';
const NESTED = 'loads another pickle, which this scan cannot see';
const INTERP = 'reaches into the interpreter, native code or the import system';

const DANGEROUS: [string, Names, string][] = [
  ['os', '*', SHELL], ['posix', '*', SHELL], ['nt', '*', SHELL], ['subprocess', '*', SHELL],
  ['_posixsubprocess', '*', SHELL], ['_winapi', '*', SHELL], ['pty', '*', SHELL], ['commands', '*', SHELL],
  ['popen2', '*', SHELL], ['multiprocessing', '*', SHELL], ['asyncio', '*', SHELL], ['pexpect', '*', SHELL],
  ['platform', ['popen'], SHELL], ['torch.utils.collect_env', ['run'], SHELL],
  ['torch._inductor.codecache', ['compile_file'], SHELL],
  ['builtins', ['eval', 'exec', 'execfile', 'compile', '__import__', 'apply', 'input', 'breakpoint', 'help'], EVAL],
  ['builtins', ['getattr', 'setattr', 'delattr', 'globals', 'locals', 'vars'], INDIRECT],
  ['builtins', ['open', 'file'], FILES],
  ['code', '*', EVAL], ['codeop', '*', EVAL], ['runpy', '*', EVAL], ['timeit', '*', EVAL], ['cProfile', '*', EVAL],
  ['profile', '*', EVAL], ['pdb', '*', EVAL], ['bdb', '*', EVAL], ['trace', '*', EVAL], ['doctest', '*', EVAL],
  ['pydoc', '*', EVAL], ['idlelib', '*', EVAL], ['lib2to3', '*', EVAL], ['numpy.f2py', '*', EVAL],
  ['numpy.testing._private.utils', '*', EVAL], ['numpy.distutils', '*', EVAL], ['IPython', '*', EVAL],
  ['types', ['FunctionType', 'CodeType', 'LambdaType', 'MethodType'], EVAL], ['marshal', '*', EVAL],
  ['torch.jit.unsupported_tensor_ops', '*', EVAL], ['torch._dynamo.guards', '*', EVAL],
  ['torch.fx.experimental.symbolic_shapes', '*', EVAL], ['torch.utils.bottleneck', '*', EVAL],
  ['operator', ['attrgetter', 'itemgetter', 'methodcaller', 'call'], INDIRECT],
  ['functools', ['partial', 'reduce', 'partialmethod'], INDIRECT], ['_functools', '*', INDIRECT],
  ['shutil', '*', FILES], ['tempfile', '*', FILES], ['io', ['open', 'FileIO', 'open_code'], FILES],
  ['_io', ['open', 'FileIO', 'open_code'], FILES], ['glob', '*', FILES],
  ['fileinput', '*', FILES], ['distutils', '*', FILES], ['setuptools', '*', FILES], ['zipfile', '*', FILES],
  ['tarfile', '*', FILES],
  ['socket', '*', NETWORK], ['_socket', '*', NETWORK], ['ssl', '*', NETWORK], ['http', '*', NETWORK],
  ['httplib', '*', NETWORK], ['urllib', '*', NETWORK], ['urllib2', '*', NETWORK], ['urllib3', '*', NETWORK],
  ['requests', '*', NETWORK], ['aiohttp', '*', NETWORK], ['httpx', '*', NETWORK], ['ftplib', '*', NETWORK],
  ['smtplib', '*', NETWORK], ['telnetlib', '*', NETWORK], ['poplib', '*', NETWORK], ['imaplib', '*', NETWORK],
  ['nntplib', '*', NETWORK], ['xmlrpc', '*', NETWORK], ['webbrowser', '*', NETWORK], ['torch.hub', '*', NETWORK],
  ['pickle', '*', NESTED], ['_pickle', '*', NESTED], ['cPickle', '*', NESTED], ['dill', '*', NESTED],
  ['cloudpickle', '*', NESTED], ['shelve', '*', NESTED], ['joblib', ['load'], NESTED],
  ['joblib.numpy_pickle', ['load'], NESTED], ['numpy', ['load', 'loads'], NESTED],
  ['numpy.lib.npyio', ['load'], NESTED], ['numpy.core.multiarray', ['loads'], NESTED],
  ['pandas', ['read_pickle'], NESTED], ['pandas.io.pickle', '*', NESTED], ['torch', ['load'], NESTED],
  ['torch.serialization', ['load', '_load'], NESTED], ['torch.storage', ['_load_from_bytes'], NESTED],
  ['torch.utils._config_module', '*', NESTED], ['torch.utils.data.datapipes.utils.decoder', '*', NESTED],
  ['sys', '*', INTERP], ['ctypes', '*', INTERP], ['_ctypes', '*', INTERP], ['cffi', '*', INTERP],
  ['importlib', '*', INTERP], ['imp', '*', INTERP], ['pkgutil', '*', INTERP], ['zipimport', '*', INTERP],
  ['gc', '*', INTERP], ['inspect', '*', INTERP], ['signal', '*', INTERP], ['venv', '*', INTERP],
  ['ensurepip', '*', INTERP], ['pip', '*', INTERP], ['site', '*', INTERP],
];

const TENSOR = 'rebuilds tensors and arrays from their data without running user code';
const CONTAINER = 'builds a plain container or value';

const SAFE: [string, Names, string][] = [
  ['collections', ['OrderedDict', 'defaultdict', 'Counter', 'deque'], CONTAINER],
  ['builtins', ['set', 'frozenset', 'dict', 'list', 'tuple', 'bytearray', 'bytes', 'complex', 'slice', 'range', 'int', 'float', 'str', 'bool', 'object'], CONTAINER],
  ['copyreg', ['_reconstructor', '__newobj__', '__newobj_ex__'], 'creates an instance of a class that is checked separately'],
  ['_codecs', ['encode'], 'decodes bytes written by protocol 2 pickles'],
  ['numpy', ['dtype', 'ndarray'], TENSOR],
  ['numpy.core.multiarray', ['_reconstruct', 'scalar'], TENSOR],
  ['numpy._core.multiarray', ['_reconstruct', 'scalar'], TENSOR],
  ['numpy.core.numeric', ['_frombuffer'], TENSOR],
  ['numpy._core.numeric', ['_frombuffer'], TENSOR],
  ['joblib.numpy_pickle', ['NumpyArrayWrapper'], 'holds array metadata; joblib reads the array bytes that follow it'],
  ['torch._utils', ['_rebuild_tensor', '_rebuild_tensor_v2', '_rebuild_tensor_v3', '_rebuild_parameter', '_rebuild_parameter_with_state', '_rebuild_qtensor', '_rebuild_sparse_tensor', '_rebuild_device_tensor_from_numpy', '_rebuild_meta_tensor_no_storage', '_rebuild_wrapper_subclass'], TENSOR],
  ['torch._tensor', ['_rebuild_from_type_v2'], TENSOR],
  ['torch.nn.parameter', ['Parameter'], TENSOR],
  ['torch.serialization', ['_get_layout'], TENSOR],
  ['torch', ['Size', 'device', 'dtype', 'Tensor', 'storage', 'UntypedStorage', 'TypedStorage', 'FloatStorage', 'DoubleStorage', 'HalfStorage', 'BFloat16Storage', 'LongStorage', 'IntStorage', 'ShortStorage', 'CharStorage', 'ByteStorage', 'BoolStorage', 'ComplexFloatStorage', 'ComplexDoubleStorage', 'QUInt8Storage', 'QInt8Storage', 'QInt32Storage', 'QUInt4x2Storage', 'QUInt2x4Storage', 'float32', 'float', 'float64', 'double', 'float16', 'half', 'bfloat16', 'int64', 'long', 'int32', 'int', 'int16', 'short', 'int8', 'uint8', 'bool', 'complex64', 'complex128', 'contiguous_format', 'channels_last', 'preserve_format', 'strided', 'sparse_coo'], TENSOR],
];

/** Python 2 module names that Python 3's unpickler maps (Lib/_compat_pickle.py). */
const PY2_MODULES: Record<string, string> = {
  __builtin__: 'builtins', __builtins__: 'builtins', copy_reg: 'copyreg', cPickle: 'pickle', httplib: 'http.client',
  urllib2: 'urllib.request', commands: 'subprocess', exceptions: 'builtins', UserDict: 'collections',
  'sklearn.externals.joblib.numpy_pickle': 'joblib.numpy_pickle',
};

function lookup(list: [string, Names, string][], module: string, name: string): string | undefined {
  const head = name.split('.')[0];
  for (const [m, names, reason] of list) {
    const moduleMatches = module === m || (names === '*' && module.startsWith(`${m}.`));
    if (!moduleMatches) continue;
    if (names === '*' || names.includes(name) || names.includes(head)) return reason;
  }
  return undefined;
}

function allowMatches(pattern: string, module: string, name: string): boolean {
  const full = `${module}.${name}`;
  if (pattern.endsWith('.*')) {
    const prefix = pattern.slice(0, -2);
    return module === prefix || module.startsWith(`${prefix}.`);
  }
  return pattern === full;
}

/** Classifies the global `module.name` a pickle imports. The dangerous list wins over any allow-list. */
export function classifyGlobal(module: string, name: string, allow: readonly string[] = []): GlobalVerdict {
  const mod = PY2_MODULES[module] ?? module;
  const danger = lookup(DANGEROUS, mod, name) ?? (mod !== module ? lookup(DANGEROUS, module, name) : undefined);
  if (danger) return { level: 'dangerous', reason: danger };
  const safe = lookup(SAFE, mod, name);
  if (safe) return { level: 'safe', reason: safe };
  if (allow.some((p) => allowMatches(p, module, name) || allowMatches(p, mod, name))) {
    return { level: 'safe', reason: 'is on the allow-list given to the scan' };
  }
  return { level: 'unknown', reason: 'is not on the allow-list: loading it runs its code' };
}
