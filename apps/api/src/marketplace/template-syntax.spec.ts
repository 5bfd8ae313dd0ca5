import { defineVariables, renderTemplate, resolveValues, TemplateSyntaxError } from './template-syntax';

describe('template syntax', () => {
  it('finds {{name}} and {{name:a|b}} placeholders once each, with inline choices', () => {
    expect(defineVariables('{{ topic }} in {{tone:formal| casual |formal}}, again {{topic}} and {{tone}}')).toEqual([
      { name: 'topic', label: 'Topic', default: null, choices: null, maxLength: null },
      { name: 'tone', label: 'Tone', default: null, choices: ['formal', 'casual'], maxLength: null },
    ]);
  });

  it('renders in one pass: values are never scanned for placeholders', () => {
    const text = 'A {{a}} B {{b:x|y}} C {{a}}';
    const variables = defineVariables(text, [{ name: 'b', choices: null }]);
    const values = resolveValues(variables, { a: '{{b}}', b: 'x' });
    expect(renderTemplate(text, values)).toBe('A {{b}} B x C {{b}}');
  });

  it('uses defaults and names every missing, unknown, off-list or too long variable', () => {
    const variables = defineVariables('{{a}} {{b:x|y}} {{c}}', [
      { name: 'a', maxLength: 3 },
      { name: 'c', default: 'dflt' },
    ]);
    expect(renderTemplate('{{c}}', resolveValues(variables, { a: 'abc', b: 'y' }))).toBe('dflt');
    try {
      resolveValues(variables, { a: 'abcd', b: 'z', d: '1' });
      throw new Error('expected a TemplateSyntaxError');
    } catch (error) {
      expect(error).toBeInstanceOf(TemplateSyntaxError);
      expect((error as TemplateSyntaxError).errors.map((e) => e.field)).toEqual([
        'variables.d',
        'variables.a',
        'variables.b',
      ]);
    }
    expect(() => resolveValues(variables, {})).toThrow('missing variable "a"');
  });

  it('refuses a default outside the choices and definitions of absent variables', () => {
    expect(() => defineVariables('{{t:x|y}}', [{ name: 't', default: 'z' }])).toThrow(TemplateSyntaxError);
    expect(() => defineVariables('{{t}}', [{ name: 'u' }])).toThrow('"u" does not appear');
  });
});
