import '../../utils/zod-jitless';
import { Setup } from '../../components/setup/Setup';
import { mount } from '../../components/common/mount';

mount('setupTitle', <Setup />);
