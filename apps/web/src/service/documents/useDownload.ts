import { useMutation } from '@tanstack/react-query';
import { saveFile, type DownloadedFile } from '../../api/transfer';

type Job = { key: string; run: () => Promise<DownloadedFile> };

/**
 * Downloads through fetch (so that a refusal shows as an error on the page, not as a saved error
 * file) and saves the result under the server's file name. `pendingKey` tells which button spins.
 */
export function useDownload(onDone?: (file: DownloadedFile, key: string) => void) {
  const mutation = useMutation({
    mutationFn: async ({ run }: Job) => {
      const file = await run();
      saveFile(file);
      return file;
    },
    onSuccess: (file, job) => onDone?.(file, job.key),
  });
  return {
    start: (key: string, run: () => Promise<DownloadedFile>) => mutation.mutate({ key, run }),
    pendingKey: mutation.isPending ? mutation.variables.key : null,
    error: mutation.error,
    reset: mutation.reset,
  };
}
