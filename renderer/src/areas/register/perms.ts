import { can, type Role } from '../../../../shared/domain/roles';

/** What the operator's role lets the screen offer; the core checks the same permissions on every call. */
export interface RegisterPerms {
  write: boolean;
  import: boolean;
  export: boolean;
  familyWrite: boolean;
}

export function registerPerms(role: Role): RegisterPerms {
  return {
    write: can(role, 'register.write'),
    import: can(role, 'register.import'),
    export: can(role, 'register.export'),
    familyWrite: can(role, 'family.write'),
  };
}
