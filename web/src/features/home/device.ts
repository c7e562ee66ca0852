/**
 * "Firefox", "Windows" from a browser's user-agent string: enough for a person to recognise their own devices in a
 * list, without the version soup. Order matters: Edge and Opera also call themselves Chrome, Chrome calls itself Safari.
 */
export function describeDevice(userAgent: string): { browser: string | undefined; system: string | undefined } {
  const browsers: [RegExp, string][] = [
    [/Edg(e|A|iOS)?\//, 'Edge'],
    [/OPR\/|Opera/, 'Opera'],
    [/Firefox\/|FxiOS\//, 'Firefox'],
    [/SamsungBrowser\//, 'Samsung Internet'],
    [/Chrome\/|CriOS\/|Chromium\//, 'Chrome'],
    [/Version\/[\d.]+.*Safari\//, 'Safari'],
  ];
  const systems: [RegExp, string][] = [
    [/Windows NT/, 'Windows'],
    [/Android/, 'Android'],
    [/iPhone|iPad|iPod/, 'iOS'],
    [/Mac OS X|Macintosh/, 'macOS'],
    [/CrOS/, 'ChromeOS'],
    [/Linux/, 'Linux'],
  ];
  return { browser: browsers.find(([pattern]) => pattern.test(userAgent))?.[1], system: systems.find(([pattern]) => pattern.test(userAgent))?.[1] };
}
