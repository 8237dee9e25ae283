import { Popup } from '../../components/Popup';
import { mount } from '../../components/mount';

mount('actionTitle', <Popup />);
