// parseFrameParams: Matomo's parameter names, strict values, a ParamError naming the parameter.
import { describe, expect, it } from 'vitest';
import { parseFrameParams, ParamError } from './frame-params.js';

describe('parseFrameParams', () => {
  it('has defaults and ignores unknown parameters', () => {
    expect(parseFrameParams({ module: 'CoreAdminHome' })).toEqual({
      lang: 'auto',
      showIntro: true,
      fontColor: undefined,
      backgroundColor: undefined,
      fontSize: undefined,
      fontFamily: undefined,
      theme: 'auto',
    });
  });

  it('accepts the documented forms', () => {
    expect(
      parseFrameParams({
        language: 'pt-BR',
        showIntro: '0',
        fontColor: 'ABC',
        backgroundColor: '#1f2937',
        fontSize: '1.5em',
        fontFamily: `"Open Sans", Arial, sans-serif`,
        theme: 'dark',
      }),
    ).toEqual({
      lang: 'pt-BR',
      showIntro: false,
      fontColor: '#abc',
      backgroundColor: '#1f2937',
      fontSize: '1.5em',
      fontFamily: `"Open Sans", Arial, sans-serif`,
      theme: 'dark',
    });
  });

  it.each([
    ['lang', 'en_US<script>'],
    ['language', '../../etc'],
    ['showIntro', 'yes'],
    ['fontColor', 'red'],
    ['fontColor', '#12345'],
    ['backgroundColor', '#fff;background:url(x)'],
    ['fontSize', '12'],
    ['fontSize', '12px;color:red'],
    ['fontFamily', 'Arial;}body{display:none'],
    ['fontFamily', '"unbalanced'],
    ['fontFamily', '</style><script>alert(1)</script>'],
    ['theme', 'blue'],
  ])('%s=%s is refused naming the parameter', (parameter, value) => {
    expect(() => parseFrameParams({ [parameter]: value })).toThrow(ParamError);
    try {
      parseFrameParams({ [parameter]: value });
    } catch (error) {
      expect((error as ParamError).parameter).toBe(parameter);
    }
  });

  it("takes Matomo's empty styling values for the defaults", () => {
    const matomo = {
      module: 'CoreAdminHome',
      action: 'optOut',
      language: 'en',
      backgroundColor: '',
      fontColor: '',
      fontSize: '',
      fontFamily: '',
    };
    expect(parseFrameParams(matomo)).toEqual({ ...parseFrameParams({}), lang: 'en' });
    expect(() => parseFrameParams({ ...matomo, fontSize: '12' })).toThrow(/fontSize/);
    expect(() => parseFrameParams({ theme: '' })).toThrow(/theme/);
  });

  it('refuses a repeated parameter', () => {
    expect(() => parseFrameParams({ theme: ['light', 'dark'] })).toThrow(/theme/);
  });
});
