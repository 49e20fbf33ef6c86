export { SessionContext, useCanControl, useSession } from './session';
export { LoginView } from './LoginView';
