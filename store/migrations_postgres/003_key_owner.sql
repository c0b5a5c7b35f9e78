-- A key belongs to one login. Applied by `assay team init` like 001 and
-- 002 (as assay_owner, search_path the team's schema, in one transaction).
--
-- 002 let a login register any key under its own name, so login B holding
-- A's private key (stolen, or shared) could register it again under B and
-- sign its entries with it; verify reads every entry a key signs as the
-- name of the key's first registration, so B's entries read as A's. Now
-- a genesis or key entry is refused when its key is already registered
-- under another name, whoever inserts it: a portfolio the owner copies in
-- (assay migrate) never holds one, since verify refuses such a ledger.
-- Registering a key again under the same name stays harmless.
--
-- The check is on key entries only, made after taking the ledger tip's
-- lock (which assay's own writes hold already), so that two logins
-- registering one key at once are checked one after the other. A save's
-- entry keeps 002's path and cost.

CREATE OR REPLACE FUNCTION assay_ledger_entry() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
    holder TEXT;
    since  BIGINT;
BEGIN
    -- A save's entry: signed by a key its login registered.
    IF NEW.kind = 'write' AND EXISTS (SELECT 1 FROM ledger l WHERE l.key_id = NEW.key_id AND l.kind IN ('genesis', 'key')
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
    ELSIF NEW.kind = 'write' THEN
        RAISE EXCEPTION 'login % signed with key %, which it has not registered', session_user, NEW.key_id
            USING ERRCODE = '42501';
    ELSE
        RAISE EXCEPTION 'only the owner may sign a % entry', NEW.kind USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
END $$;
