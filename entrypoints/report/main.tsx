import '../../utils/zod-jitless';
import { ClippingReport } from '../../components/report/ClippingReport';
import { mount } from '../../components/common/mount';

mount('reportTitle', <ClippingReport />);
