import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../context.js';
import { verifyLogbookDigest } from '../modules/documents/logbook-export.service.js';

const TEXT = {
  title:
    'Climalog — logbook verification / verificatie logboek / vérification du registre / Prüfung des Logbuchs',
  valid:
    'This logbook export is authentic. · Dit logboek is echt. · Ce registre est authentique. · Dieses Logbuch ist echt.',
  invalid:
    'No logbook export has this code. · Geen logboek met deze code. · Aucun registre avec ce code. · Kein Logbuch mit diesem Code.',
  unchanged:
    'Unchanged since the export. · Ongewijzigd sinds de export. · Inchangé depuis l’export. · Seit dem Export unverändert.',
  changed:
    'Entries were corrected after this export. · Na deze export verbeterd. · Corrigé après cet export. · Nach dem Export berichtigt.',
};

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The public page behind the link printed on every logbook export: /verify/{digest}. */
export function registerVerifyPage(app: FastifyInstance, deps: AppDeps): void {
  app.get<{ Params: { digest: string } }>(
    '/verify/:digest',
    { schema: { hide: true } },
    async (request, reply) => {
      const digest = String(request.params.digest).toLowerCase().slice(0, 128);
      const result = await verifyLogbookDigest(deps, digest);
      const lines = result.valid
        ? [
            TEXT.valid,
            `${result.exportedAt} · ${result.entryCount} entries`,
            result.unchangedSinceExport ? TEXT.unchanged : TEXT.changed,
          ]
        : [TEXT.invalid];
      const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escape(TEXT.title)}</title><style>body{font-family:system-ui,sans-serif;max-width:42rem;margin:3rem auto;padding:0 1rem;color:#1a1b1e}
h1{color:#0b7285;font-size:1.3rem}.ok{color:#2b8a3e}.ko{color:#c92a2a}code{word-break:break-all}</style></head><body>
<h1>${escape(TEXT.title)}</h1><p><code>${escape(digest)}</code></p>
${lines.map((l, i) => `<p class="${i === 0 ? (result.valid ? 'ok' : 'ko') : ''}">${escape(l)}</p>`).join('\n')}
</body></html>`;
      return reply
        .status(result.valid ? 200 : 404)
        .type('text/html; charset=utf-8')
        .send(html);
    },
  );
}
