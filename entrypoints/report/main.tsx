import '../../utils/zod-jitless';
import { ClippingReport } from '../../components/ClippingReport';
import { mount } from '../../components/mount';

mount('reportTitle', <ClippingReport />);
