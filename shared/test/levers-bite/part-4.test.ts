import { describeBites } from './bites';

// The acceptance of issue 14, dealt over 4 files so that workers share it: see bites.ts.
describeBites(4);
