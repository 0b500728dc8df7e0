import { create } from 'zustand';
import type { AuditEntry, OperatorInfo } from '../../../shared/ipc/schemas';

/** Everything read from the vault while unlocked. Cleared on lock so nothing lingers behind the lock screen. */
interface DataStore {
  operators: OperatorInfo[] | null;
  audit: AuditEntry[] | null;
  setOperators(list: OperatorInfo[]): void;
  setAudit(list: AuditEntry[]): void;
  clear(): void;
}

export const useData = create<DataStore>()((set) => ({
  operators: null,
  audit: null,
  setOperators: (operators) => set({ operators }),
  setAudit: (audit) => set({ audit }),
  clear: () => set({ operators: null, audit: null }),
}));
