import { startComposer } from '../../components/composer-start';
import { Popup } from '../../components/Popup';
import { mount } from '../../components/mount';

// Begun before the first render, so the worker round trip overlaps it (see startComposer).
const start = startComposer();
mount('actionTitle', <Popup start={start} />);
