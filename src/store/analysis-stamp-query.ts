// The store's SQL for analysisStamp(): a digest of everything `analyze` reads for a wave. Postgres dialect.

// Submitted responses (AGS, revision, answers: an erasure changes answers without a new revision) and the
// register (its import, and the synthetic units that demo waves add).
export const ANALYSIS_STAMP_QUERY = `
  SELECT md5(concat_ws('|',
    (SELECT string_agg(r.ags || ':' || r.revision || ':' || md5(r.answers::text), ',' ORDER BY r.ags)
       FROM responses r WHERE r.wave_id = $1 AND r.status = 'submitted'),
    (SELECT imported_at::text FROM register_meta),
    (SELECT count(*) || ':' || coalesce(md5(string_agg(u::text, ',' ORDER BY u.ags)), '')
       FROM register_units u WHERE u.synthetic)
  )) AS stamp`;
