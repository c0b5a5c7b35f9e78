-- Applied by `assay team init` like 001 to 011 (as assay_owner,
-- search_path the team's schema, in one transaction).
--
-- Each team database has an identity of its own, made here at random,
-- and each record of a grant signed from now on is signed for it. 011's
-- signed records named no database: a record signed in another team
-- schema of the server, copied here at the same place in the chain (two
-- chains begin alike), read as this one's. Now the record's hash covers
-- the identity it names (assess/ledger/grant.go), the server takes a
-- record for this database's identity only, and assay verify names a
-- record signed for another, and an unbound record after a bound one.
-- The records signed before this stay as they were, bound to none.
CREATE TABLE team_identity (
    only_row BOOLEAN PRIMARY KEY DEFAULT true CHECK (only_row),
    id       TEXT NOT NULL CHECK (id ~ '^[0-9a-f-]{36}$')
);
INSERT INTO team_identity (only_row, id) VALUES (true, gen_random_uuid()::text);
CREATE TRIGGER team_identity_no_change BEFORE UPDATE OR DELETE ON team_identity FOR EACH ROW EXECUTE FUNCTION assay_never_changed('a team database''s identity is never changed');
CREATE TRIGGER team_identity_no_truncate BEFORE TRUNCATE ON team_identity FOR EACH STATEMENT EXECUTE FUNCTION assay_never_changed('a team database''s identity is never changed');
GRANT SELECT ON team_identity TO assay_analyst, assay_approver, assay_auditor;

ALTER TABLE team_grants ADD COLUMN team TEXT;
DROP TRIGGER team_grants_signed ON team_grants;
CREATE TRIGGER team_grants_signed BEFORE INSERT ON team_grants FOR EACH ROW
    WHEN (NEW.seq IS NULL OR NEW.key IS NULL OR NEW.prev_hash IS NULL OR NEW.hash IS NULL OR NEW.signature IS NULL OR NEW.team IS NULL)
    EXECUTE FUNCTION assay_never_changed('every record of a team grant is signed for its team database: assay team grant writes it');

DROP FUNCTION assay_record_grant(TEXT, TEXT, TEXT, BIGINT, TEXT, TEXT, TEXT, TEXT, TEXT);
CREATE FUNCTION assay_record_grant(who TEXT, role_name TEXT, act TEXT, n BIGINT, at_time TEXT, signer_key TEXT, prev TEXT, record_hash TEXT, sig TEXT, for_team TEXT) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    held BOOLEAN;
    last_seq BIGINT;
    last_hash TEXT;
    other TEXT;
BEGIN
    IF role_name NOT IN ('analyst', 'approver', 'auditor', 'owner') OR act NOT IN ('grant', 'revoke') THEN
        RAISE EXCEPTION 'assay records a grant or a revocation of a team role, not % of %', act, role_name USING ERRCODE = '22023';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = session_user
            AND (r.rolsuper OR r.rolcreaterole OR pg_has_role(session_user, 'assay_' || role_name, 'MEMBER WITH ADMIN OPTION'))) THEN
        RAISE EXCEPTION 'login % may not grant or revoke the role %, so may not record it', session_user, role_name USING ERRCODE = '42501';
    END IF;
    held := EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid JOIN pg_roles u ON u.oid = m.member
        WHERE r.rolname = 'assay_' || role_name AND u.rolname = who);
    IF held IS DISTINCT FROM (act = 'grant') THEN
        RAISE EXCEPTION 'login % % the role %: a % is recorded as the server holds it', who,
            CASE WHEN held THEN 'holds' ELSE 'does not hold' END, role_name, act USING ERRCODE = '22023';
    END IF;
    IF at_time IS NULL OR at_time !~ '^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$'
            OR abs(extract(epoch FROM (at_time::timestamptz - now()))) > 300 THEN
        RAISE EXCEPTION 'a grant is recorded at the time it is made, not %', at_time USING ERRCODE = '22023';
    END IF;
    IF record_hash IS NULL OR record_hash !~ '^[0-9a-f]{64}$' OR prev IS NULL OR COALESCE(sig, '') = '' OR COALESCE(signer_key, '') !~ '^ed25519:' THEN
        RAISE EXCEPTION 'a record of a grant is signed: it carries its key, hash and signature' USING ERRCODE = '22023';
    END IF;
    IF for_team IS DISTINCT FROM (SELECT t.id FROM team_identity t) THEN
        RAISE EXCEPTION 'a record of a grant signed for team database % is not this one''s', for_team USING ERRCODE = '22023';
    END IF;
    -- One record at a time, each after the last.
    LOCK TABLE team_grants IN SHARE ROW EXCLUSIVE MODE;
    SELECT g.seq, g.hash INTO last_seq, last_hash FROM team_grants g WHERE g.seq IS NOT NULL ORDER BY g.seq DESC LIMIT 1;
    IF n IS DISTINCT FROM COALESCE(last_seq, 0) + 1 OR (last_seq IS NOT NULL AND prev IS DISTINCT FROM last_hash) THEN
        RAISE EXCEPTION 'grant record % (after %) does not follow the last record of grants, % (%)', n, prev, COALESCE(last_seq, 0), last_hash
            USING ERRCODE = '40001';
    END IF;
    -- A key signs for one login: the one that registered it in the
    -- ledger, or first signed a grant with it.
    SELECT l.note::jsonb ->> 'name' INTO other FROM ledger l WHERE l.kind IN ('genesis', 'key')
        AND (l.note::jsonb ->> 'key') = signer_key AND (l.note::jsonb ->> 'name') IS DISTINCT FROM session_user LIMIT 1;
    IF other IS NULL THEN
        SELECT g.by_login INTO other FROM team_grants g WHERE g.key = signer_key AND g.by_login <> session_user LIMIT 1;
    END IF;
    IF other IS NOT NULL THEN
        RAISE EXCEPTION 'login % may not sign a grant with key %: it is another login''s, %', session_user, signer_key, other
            USING ERRCODE = '42501';
    END IF;
    INSERT INTO team_grants (login, role, action, by_login, at, seq, key, prev_hash, hash, signature, team)
    VALUES (who, role_name, act, session_user, at_time, n, signer_key, prev, record_hash, sig, for_team);
END $$;
