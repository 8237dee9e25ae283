import '../../utils/zod-jitless';
import { DisseminationReport } from '../../components/report/DisseminationReport';
import { mount } from '../../components/common/mount';

mount('disseminationTitle', <DisseminationReport />);
