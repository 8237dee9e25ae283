import { useEffect, useState } from 'preact/hooks';
import { SETTINGS, readSetting } from '../../utils/settings';

/** The officer's time zone from the preferences (WIB until they are read), for times shown on a page. */
export function useTimeZone(): string {
  const [timeZone, setTimeZone] = useState('Asia/Jakarta');
  useEffect(() => {
    void readSetting(SETTINGS.preferences).then(
      (p) => setTimeZone(p.timeZone),
      () => undefined,
    );
  }, []);
  return timeZone;
}
