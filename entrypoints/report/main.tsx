import '../../utils/zod-jitless';
import { ClippingReport } from '../../components/report/ClippingReport';
import { mount } from '../../components/mount';

mount('reportTitle', <ClippingReport />);
