import { describe, expect, it } from 'vitest';
import { firstDuplicateKey } from '../../../functions/http/duplicate-json-keys.js';

describe('Function: firstDuplicateKey', () => {
  it.each([
    ['{}'],
    ['[]'],
    ['"text"'],
    ['12'],
    ['{"a":1,"b":{"a":2},"c":[{"a":1},{"a":2}]}'],
    ['[{"a":1},{"a":1}]'],
    ['{"a":"\\"a\\"","\\"a\\"":1}'],
    ['{"a":{"b":1},"b":{"a":1}}'],
    ['{"key":"{\\"key\\":1,\\"key\\":2}"}'],
    ['{ "a" : [ 1 , { "b" : null } ] , "b" : true }'],
    ['{"a":1,"A":2}'],
    ['{"":1,"a":{"":2}}'],
  ])('finds none in %s', (json) => {
    JSON.parse(json);
    expect(firstDuplicateKey(json)).toBeUndefined();
  });

  it.each([
    ['{"type":"return","type":"usage_question"}', ['type']],
    ['{"a":1,"b":2,"a":3}', ['a']],
    ['{"customer":{"name":"Li","id":"c","name":"Lei"}}', ['customer', 'name']],
    ['{"items":[{"sku":"A"},{"sku":"B","sku":"C"}]}', ['items', '1', 'sku']],
    ['[[1],[2,{"x":1,"x":2}]]', ['1', '1', 'x']],
    ['{"a":1,"\\u0061":2}', ['a']],
    ['{"\\ud83d\\ude00":1,"😀":2}', ['😀']],
    ['{"__proto__":{},"__proto__":{}}', ['__proto__']],
    ['{"":1,"":2}', ['']],
    ['{"a\\\\":1,"a\\\\":2}', ['a\\']],
    [' { "a" :\n1 ,\t"a" : 2 } ', ['a']],
  ])('finds the one in %s', (json, path) => {
    JSON.parse(json);
    expect(firstDuplicateKey(json)).toEqual(path);
  });

  it('reads a deep nesting without recursion', () => {
    const json = `${'{"a":'.repeat(20_000)}{"b":1,"b":2}${'}'.repeat(20_000)}`;
    expect(firstDuplicateKey(json)).toEqual([...Array.from({ length: 20_000 }, () => 'a'), 'b']);
    expect(firstDuplicateKey(`${'['.repeat(30_000)}${']'.repeat(30_000)}`)).toBeUndefined();
  });

  it('reads a 64 KB body of many keys and escapes', () => {
    const object = Object.fromEntries(Array.from({ length: 4_000 }, (_, index) => [`k\\"${index}`, `v"\\${index}`]));
    const json = JSON.stringify(object);
    expect(json.length).toBeGreaterThan(60_000);
    expect(firstDuplicateKey(json)).toBeUndefined();
    expect(firstDuplicateKey(`${json.slice(0, -1)},"k\\\\\\"3999":0}`)).toEqual(['k\\"3999']);
  });
});
