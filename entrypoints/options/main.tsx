import '../../utils/zod-jitless';
import { Options } from '../../components/Options';
import { mount } from '../../components/mount';

mount('optionsTitle', <Options />);
