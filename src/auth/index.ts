export { Role, type Principal } from './principal';
