/** Reports of a run: HTML, JUnit XML, Markdown, failed gates as located diagnostics, model cards. */
export { renderHtmlReport, type HtmlOptions } from './html';
export { toJunitXml, gateFailureMessage, type JunitOptions } from './junit';
export { toMarkdown } from './markdown';
export { gateDiagnostics, GATE_FAILED } from './gateDiagnostics';
export { renderModelCard, TODO_PREFIX, type CardOptions, type ModelFileFacts } from './modelCard';
export { fmt, fmtSigned, pct, escapeHtml, escapeXml, mdTable } from './format';
export { lineChart, barChart } from './svg';
