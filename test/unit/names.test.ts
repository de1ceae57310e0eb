import { nameForms, nameKey, toSimplified } from '../../src/model/names';

describe('names', () => {
  it('converts traditional to simplified characters', () => {
    expect(toSimplified('楊植麟')).toBe('杨植麟');
    expect(toSimplified('字節跳動')).toBe('字节跳动');
    expect(toSimplified('Moonshot AI')).toBe('Moonshot AI');
  });

  it('gives one key to the forms of one name', () => {
    expect(nameKey('楊植麟')).toBe(nameKey('杨植麟'));
    expect(nameKey('楊 植麟')).toBe(nameKey('杨植麟'));
    expect(nameKey('Moonshot AI')).toBe('moonshotai');
    expect(nameKey('Character.AI')).toBe('characterai');
    expect(nameKey('金沙江創投')).not.toBe(nameKey('金沙江'));
  });

  it('lists each form once, the written one first', () => {
    expect(nameForms('月之暗面', ['Moonshot AI'])).toEqual(['月之暗面', 'Moonshot AI']);
    expect(nameForms('字節跳動', ['ByteDance', '字節'])).toEqual(['字節跳動', '字节跳动', 'ByteDance', '字節', '字节']);
  });
});
