import '../../utils/zod-jitless';
import { Options } from '../../components/options/Options';
import { mount } from '../../components/common/mount';

mount('optionsTitle', <Options />);
