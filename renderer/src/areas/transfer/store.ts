import { create } from 'zustand';
import type { Overview } from '../../../../shared/transfer/schemas';

/** Where each peer stands; refreshed by the header and after every transfer action. */
interface TransferStore {
  overview: Overview | null;
  refresh(): Promise<void>;
}

export const useTransfer = create<TransferStore>()((set) => ({
  overview: null,
  async refresh() {
    const r = await window.obmin.transfer.overview({});
    set({ overview: r.ok ? r.value : null });
  },
}));
