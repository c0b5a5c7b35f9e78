-- Applied by `assay team init` like 001 to 008 (as assay_owner,
-- search_path the team's schema, in one transaction).
--
-- Who holds which team role, as assay granted it. PostgreSQL keeps no
-- record of the program that granted a membership: a database
-- administrator's psql GRANT assay_approver TO mallory is the same act as
-- assay team grant's. So assay team grant and revoke record each grant
-- and revocation here, in the transaction that makes it, and assay verify
-- names a login acting under a team role that was never recorded, and a
-- grant recorded and no longer held (docs/team.md says what this does and
-- does not detect).
--
-- The record is written only through assay_record_grant, which runs as
-- assay_owner (the table's owner; no team role may write it): it records
-- what the caller may grant and what the server now holds, under the
-- caller's login, and nothing else. Its rows are never changed or
-- deleted; the latest row of a login and role is its state.
CREATE TABLE team_grants (
    id       BIGSERIAL PRIMARY KEY,
    login    TEXT NOT NULL,
    role     TEXT NOT NULL CHECK (role IN ('analyst', 'approver', 'auditor', 'owner')),
    action   TEXT NOT NULL CHECK (action IN ('grant', 'revoke', 'found')),
    by_login TEXT NOT NULL,
    at       TEXT NOT NULL
);
CREATE INDEX team_grants_login ON team_grants (login, role, id);
CREATE TRIGGER team_grants_no_change BEFORE UPDATE OR DELETE ON team_grants FOR EACH ROW EXECUTE FUNCTION assay_never_changed('the record of team grants is never changed');
CREATE TRIGGER team_grants_no_truncate BEFORE TRUNCATE ON team_grants FOR EACH STATEMENT EXECUTE FUNCTION assay_never_changed('the record of team grants is never changed');

CREATE FUNCTION assay_record_grant(who TEXT, role_name TEXT, act TEXT) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    held BOOLEAN;
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
    INSERT INTO team_grants (login, role, action, by_login, at)
    VALUES (who, role_name, act, session_user, to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'));
END $$;

-- Every team role a login or role holds when this is applied, at an
-- upgrade or at a first assay team init, is recorded as found: assay did
-- not grant it, and cannot tell who did, but it is not flagged.
INSERT INTO team_grants (login, role, action, by_login, at)
SELECT u.rolname, substr(r.rolname, 7), 'found', session_user, to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid JOIN pg_roles u ON u.oid = m.member
WHERE r.rolname IN ('assay_analyst', 'assay_approver', 'assay_auditor', 'assay_owner')
    AND u.rolname NOT IN ('assay_analyst', 'assay_approver', 'assay_auditor', 'assay_owner')
ORDER BY u.rolname, r.rolname;

GRANT SELECT ON team_grants TO assay_analyst, assay_approver, assay_auditor;
