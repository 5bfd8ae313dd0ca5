// The syntax lives in the contracts lib so that the SPA previews exactly what the API renders.
export {
  defineVariables,
  renderTemplate,
  resolveValues,
  scanPlaceholders,
  TemplateSyntaxError,
} from '@megicai/contracts';
