import '../../utils/zod-jitless';
import { DisseminationReport } from '../../components/report/DisseminationReport';
import { mount } from '../../components/mount';

mount('disseminationTitle', <DisseminationReport />);
