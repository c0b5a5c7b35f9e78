-- Verify checkpoints of every login that writes. Applied by `assay team
-- init` like 001 to 005 (as assay_owner, search_path the team's schema,
-- in one transaction).
--
-- `assay verify --checkpoint` records a ledger entry of kind `verified`,
-- signed with the verifier's own key, and `assay verify --incremental`
-- starts from the latest one signed with that key. 001 to 005 took only
-- a save's entry (kind `write`) from a login signing with a key it
-- registered, and refused every other kind but the owner's ("only the
-- owner may sign a verified entry"): so an analyst or approver could not
-- record a checkpoint, and their incremental verify always checked
-- everything. Now a `verified` entry is taken on the same terms as a
-- save's: signed with a key the login registered under its own name. It
-- names and changes no assessment, and a checkpoint is started from only
-- by the login whose key signed it. An auditor still writes nothing.

CREATE OR REPLACE FUNCTION assay_ledger_entry() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
    holder TEXT;
    since  BIGINT;
BEGIN
    -- A save's entry, or a verify checkpoint: signed by a key its login
    -- registered.
    IF NEW.kind IN ('write', 'verified') AND EXISTS (SELECT 1 FROM ledger l WHERE l.key_id = NEW.key_id AND l.kind IN ('genesis', 'key')
            AND (l.note::jsonb ->> 'name') = session_user) THEN
        RETURN NEW;
    END IF;
    IF NEW.kind IN ('genesis', 'key') THEN
        PERFORM 1 FROM ledger_tip FOR UPDATE;
        SELECT l.note::jsonb ->> 'name', l.seq INTO holder, since FROM ledger l
            WHERE l.key_id = NEW.key_id AND l.kind IN ('genesis', 'key')
            AND (l.note::jsonb ->> 'name') IS DISTINCT FROM (NEW.note::jsonb ->> 'name')
            ORDER BY l.seq LIMIT 1;
        IF FOUND THEN
            RAISE EXCEPTION 'login % may not register key % for %: it is another login''s, registered for % in ledger entry %',
                session_user, NEW.key_id, NEW.note::jsonb ->> 'name', holder, since
                USING ERRCODE = '42501';
        END IF;
    END IF;
    IF assay_may_copy() THEN
        RETURN NEW;
    END IF;
    IF NEW.kind IN ('genesis', 'key') THEN
        IF (NEW.note::jsonb ->> 'name') IS DISTINCT FROM session_user THEN
            RAISE EXCEPTION 'login % may not register a key under the name %', session_user, NEW.note::jsonb ->> 'name'
                USING ERRCODE = '42501';
        END IF;
    ELSIF NEW.kind IN ('write', 'verified') THEN
        RAISE EXCEPTION 'login % signed with key %, which it has not registered', session_user, NEW.key_id
            USING ERRCODE = '42501';
    ELSE
        RAISE EXCEPTION 'only the owner may sign a % entry', NEW.kind USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
END $$;
