import { Setup } from '../../components/Setup';
import { mount } from '../../components/mount';

mount('setupTitle', <Setup />);
