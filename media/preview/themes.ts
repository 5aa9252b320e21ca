/**
 * Stand-ins for the CSS variables VS Code gives a webview, for the preview harness (values from
 * VS Code's Dark Modern, Light Modern and High Contrast themes; the body class VS Code sets as well).
 */
const common = {
  'font-family': 'system-ui, "Ubuntu", "Droid Sans", sans-serif',
  'font-size': '13px',
  'editor-font-family': '"Droid Sans Mono", "DejaVu Sans Mono", monospace',
};

export const THEMES: Record<string, { bodyClass: string; vars: Record<string, string> }> = {
  dark: {
    bodyClass: 'vscode-dark',
    vars: {
      ...common,
      foreground: '#cccccc', 'editor-background': '#1f1f1f', descriptionForeground: '#9d9d9d',
      'button-background': '#0078d4', 'button-foreground': '#ffffff', 'button-hoverBackground': '#026ec1', 'button-border': '#ffffff12',
      'button-secondaryBackground': '#313131', 'button-secondaryForeground': '#cccccc', 'button-secondaryHoverBackground': '#3c3c3c',
      focusBorder: '#0078d4', 'panel-border': '#2b2b2b', 'widget-border': '#313131', 'editorWidget-background': '#202020',
      'charts-foreground': '#cccccc', 'charts-lines': 'rgba(204, 204, 204, 0.5)', 'charts-red': '#f14c4c', 'charts-blue': '#3794ff',
      'charts-yellow': '#cca700', 'charts-orange': '#d18616', 'charts-green': '#89d185', 'charts-purple': '#b180d7',
      'testing-iconPassed': '#73c991', 'testing-iconFailed': '#f14c4c', errorForeground: '#f85149', 'editorWarning-foreground': '#cca700',
      'inputValidation-errorBackground': '#5a1d1d', 'inputValidation-errorBorder': '#be1100', 'textLink-foreground': '#4daafc',
      'textBlockQuote-background': '#2b2b2b', 'progressBar-background': '#0078d4', 'list-hoverBackground': '#2a2d2e',
      'list-activeSelectionBackground': '#04395e', 'list-activeSelectionForeground': '#ffffff', 'dropdown-background': '#313131',
      'dropdown-foreground': '#cccccc', 'dropdown-border': '#3c3c3c', 'input-background': '#313131', 'input-foreground': '#cccccc', 'input-border': '#3c3c3c',
    },
  },
  light: {
    bodyClass: 'vscode-light',
    vars: {
      ...common,
      foreground: '#3b3b3b', 'editor-background': '#ffffff', descriptionForeground: '#717171',
      'button-background': '#005fb8', 'button-foreground': '#ffffff', 'button-hoverBackground': '#0258a8', 'button-border': '#0000001a',
      'button-secondaryBackground': '#e5e5e5', 'button-secondaryForeground': '#3b3b3b', 'button-secondaryHoverBackground': '#cccccc',
      focusBorder: '#005fb8', 'panel-border': '#e5e5e5', 'widget-border': '#e5e5e5', 'editorWidget-background': '#f8f8f8',
      'charts-foreground': '#616161', 'charts-lines': 'rgba(97, 97, 97, 0.5)', 'charts-red': '#e51400', 'charts-blue': '#1a85ff',
      'charts-yellow': '#bf8803', 'charts-orange': '#d18616', 'charts-green': '#388a34', 'charts-purple': '#652d90',
      'testing-iconPassed': '#388a34', 'testing-iconFailed': '#f14c4c', errorForeground: '#a1260d', 'editorWarning-foreground': '#bf8803',
      'inputValidation-errorBackground': '#f2dede', 'inputValidation-errorBorder': '#be1100', 'textLink-foreground': '#005fb8',
      'textBlockQuote-background': '#f8f8f8', 'progressBar-background': '#005fb8', 'list-hoverBackground': '#f2f2f2',
      'list-activeSelectionBackground': '#e8e8e8', 'list-activeSelectionForeground': '#000000', 'dropdown-background': '#ffffff',
      'dropdown-foreground': '#3b3b3b', 'dropdown-border': '#cecece', 'input-background': '#ffffff', 'input-foreground': '#3b3b3b', 'input-border': '#cecece',
    },
  },
  'high-contrast': {
    bodyClass: 'vscode-high-contrast',
    vars: {
      ...common,
      foreground: '#ffffff', 'editor-background': '#000000', descriptionForeground: '#ffffffb3',
      'button-background': '#000000', 'button-foreground': '#ffffff', 'button-border': '#6fc3df', 'button-secondaryBackground': '#000000', 'button-secondaryForeground': '#ffffff',
      focusBorder: '#f38518', contrastBorder: '#6fc3df', 'panel-border': '#6fc3df', 'widget-border': '#6fc3df', 'editorWidget-background': '#0c141f',
      'charts-foreground': '#ffffff', 'charts-lines': '#ffffff', 'charts-red': '#f48771', 'charts-blue': '#3794ff',
      'charts-yellow': '#ffd700', 'charts-orange': '#f38518', 'charts-green': '#89d185', 'charts-purple': '#b180d7',
      'testing-iconPassed': '#73c991', 'testing-iconFailed': '#f48771', errorForeground: '#f48771', 'editorWarning-foreground': '#ffd700',
      'inputValidation-errorBackground': '#000000', 'inputValidation-errorBorder': '#6fc3df', 'textLink-foreground': '#21a6ff',
      'textBlockQuote-background': '#000000', 'progressBar-background': '#6fc3df', 'list-hoverBackground': '#000000',
      'list-activeSelectionBackground': '#000000', 'list-activeSelectionForeground': '#ffffff', 'dropdown-background': '#000000',
      'dropdown-foreground': '#ffffff', 'dropdown-border': '#6fc3df', 'input-background': '#000000', 'input-foreground': '#ffffff', 'input-border': '#6fc3df',
    },
  },
};

export function themeCss(name: string): string {
  const t = THEMES[name];
  return `:root {\n${Object.entries(t.vars).map(([k, v]) => `  --vscode-${k}: ${v};`).join('\n')}\n}\n`;
}
