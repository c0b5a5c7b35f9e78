-- The review's steps and the ledger's order, held by the server. Applied
-- by `assay team init` like 001 to 004 (as assay_owner, search_path the
-- team's schema, in one transaction).
--
-- 001 to 004 checked who signs (a signature names its login, only an
-- approver approves, four eyes), not that an assessment's status follows
-- its signatures, nor the order of the sign-offs and of the ledger. A
-- login holding the roles could, in SQL or with an assay of its own
-- making that signs what it writes with its own key (so that verify,
-- finding every record signed, objected to nothing):
--
-- 1. move an assessment to approved or rejected with no signature: an
--    approver approving what they submitted themselves, past four eyes;
--    or from draft, past review; or sign one decision and set the other;
-- 2. create an assessment in review, approved or rejected already (its
--    INSERT was checked for nothing);
-- 3. number its own submission below an earlier one's (the id column
--    took any value given), so that four eyes, which reads the last
--    submission by number, read the earlier submitter's name;
-- 4. move the ledger's tip, which every writer may lock and so update,
--    so that the next person's entry, honestly signed, broke the ledger
--    for good and the break read as theirs; or append an entry that
--    follows no entry, which broke it the same way.
--
-- Now a status changes only in the transaction that signed the change,
-- by the login that signs it (a submission moves it to in review, a
-- withdrawal back to draft, a reviewer's decision to approved or
-- rejected, from in review only); an assessment starts as a draft; a
-- reviewer decides only on an assessment in review, and their decision
-- is its status when the transaction commits; the server numbers the
-- sign-offs; and a ledger entry follows the ledger's last entry, which
-- the tip names and nothing else. The owner's copies (assay migrate,
-- import) bring history as it was, as before.

-- The sign-offs' numbers are the server's: a sign-off's id is the number
-- its INSERT drew (currval, which SELECT on the sequence lets a login
-- read, not change).
GRANT SELECT ON SEQUENCE signoffs_id_seq TO assay_analyst, assay_approver;

CREATE OR REPLACE FUNCTION assay_signoff() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
    submitter TEXT;
    drawn     BIGINT;
    st        TEXT;
BEGIN
    IF assay_may_copy() THEN RETURN NEW; END IF;
    IF NEW.name IS DISTINCT FROM session_user THEN
        RAISE EXCEPTION 'login % may not sign as %: a signature names the login that signs', session_user, NEW.name
            USING ERRCODE = '42501';
    END IF;
    BEGIN
        drawn := currval(pg_get_serial_sequence('signoffs', 'id'));
    EXCEPTION WHEN object_not_in_prerequisite_state THEN
        drawn := NULL;
    END;
    IF NEW.id IS DISTINCT FROM drawn THEN
        RAISE EXCEPTION 'login % may not number a sign-off (%): the server numbers them', session_user, NEW.id
            USING ERRCODE = '42501';
    END IF;
    IF NEW.role IS DISTINCT FROM 'dpo' AND (NEW.role, NEW.decision) NOT IN
            (('author', 'submitted'), ('author', 'withdrawn'), ('reviewer', 'approved'), ('reviewer', 'rejected')) THEN
        RAISE EXCEPTION 'a % signature decides "submitted", "withdrawn", "approved" or "rejected", not "%"', NEW.role, NEW.decision
            USING ERRCODE = '22023';
    END IF;
    IF NEW.role IN ('reviewer', 'dpo') AND NOT assay_is('approver') THEN
        RAISE EXCEPTION 'only an approver may approve, reject or give the DPO''s opinion: login % is not one', session_user
            USING ERRCODE = '42501';
    END IF;
    IF NEW.role = 'author' AND NOT assay_is('analyst') THEN
        RAISE EXCEPTION 'only an analyst may submit or withdraw an assessment: login % is not one', session_user
            USING ERRCODE = '42501';
    END IF;
    IF NEW.role = 'reviewer' THEN
        SELECT status INTO st FROM assessments WHERE id = NEW.assessment_id;
        IF st IS DISTINCT FROM 'in-review' THEN
            RAISE EXCEPTION 'login % may not sign % on assessment %: it is %, not in review', session_user, NEW.decision, NEW.assessment_id, st
                USING ERRCODE = '42501';
        END IF;
        SELECT s.name INTO submitter FROM signoffs s
            WHERE s.assessment_id = NEW.assessment_id AND s.role = 'author' AND s.decision = 'submitted'
            ORDER BY s.id DESC LIMIT 1;
        IF submitter IS NOT NULL AND lower(btrim(submitter)) = lower(btrim(NEW.name)) THEN
            IF NEW.decision = 'rejected' THEN
                RAISE EXCEPTION 'four eyes: % submitted this assessment and may not reject it; another approver must, or % withdraws it (assay review % --withdraw)',
                    submitter, submitter, NEW.assessment_id
                    USING ERRCODE = '42501';
            END IF;
            RAISE EXCEPTION 'four eyes: % submitted this assessment and may not approve it; another approver must', submitter
                USING ERRCODE = '42501';
        END IF;
    END IF;
    RETURN NEW;
END $$;

-- A reviewer's decision is the assessment's status when its transaction
-- commits: no approval signed and the assessment left in review.
CREATE FUNCTION assay_signoff_decided() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
    st TEXT;
BEGIN
    IF NEW.role = 'reviewer' THEN
        SELECT status INTO st FROM assessments WHERE id = NEW.assessment_id;
        IF st IS DISTINCT FROM NEW.decision AND NOT assay_may_copy() THEN
            RAISE EXCEPTION 'login % signed % on assessment %, which is left %: a reviewer''s decision moves the assessment in the same transaction',
                session_user, NEW.decision, NEW.assessment_id, st
                USING ERRCODE = '42501';
        END IF;
    END IF;
    RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER signoffs_decided AFTER INSERT ON signoffs DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION assay_signoff_decided();

-- An assessment starts as a draft; only the owner's copy brings one in
-- another state (and assay's import sets it last, as its signatures say).
CREATE OR REPLACE FUNCTION assay_assessment_created() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    IF NEW.status IS DISTINCT FROM 'draft' AND NOT assay_may_copy() THEN
        RAISE EXCEPTION 'an assessment starts as a draft: login % created one %', session_user, NEW.status
            USING ERRCODE = '42501';
    END IF;
    NEW.created_xact := pg_current_xact_id();
    RETURN NEW;
END $$;

-- A status moves only with the signature that moves it: the last
-- submission, withdrawal or decision on the assessment, signed by this
-- login in this transaction (xmin: the transaction that inserted it).
CREATE OR REPLACE FUNCTION assay_assessment_update() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
    want TEXT;
    last RECORD;
BEGIN
    IF NEW.created_xact IS DISTINCT FROM OLD.created_xact THEN
        RAISE EXCEPTION 'the transaction that created an assessment never changes' USING ERRCODE = '42501';
    END IF;
    IF OLD.status = 'approved' AND (
        NEW.status IS DISTINCT FROM OLD.status OR NEW.uuid IS DISTINCT FROM OLD.uuid OR NEW.subject IS DISTINCT FROM OLD.subject OR
        NEW.subject_kind IS DISTINCT FROM OLD.subject_kind OR NEW.subject_id IS DISTINCT FROM OLD.subject_id OR
        NEW.reviewer IS DISTINCT FROM OLD.reviewer OR NEW.snapshot_digest IS DISTINCT FROM OLD.snapshot_digest OR
        NEW.assessed_on IS DISTINCT FROM OLD.assessed_on OR NEW.deadlines IS DISTINCT FROM OLD.deadlines OR
        NEW.revision IS DISTINCT FROM OLD.revision OR NEW.revision_of IS DISTINCT FROM OLD.revision_of) THEN
        RAISE EXCEPTION 'assessment is approved and locked' USING ERRCODE = 'P0001';
    END IF;
    IF NEW.status IS NOT DISTINCT FROM OLD.status THEN
        RETURN NEW;
    END IF;
    IF assay_may_copy() THEN
        RETURN NEW;
    END IF;
    IF NEW.status IN ('approved', 'rejected') AND NOT assay_is('approver') THEN
        RAISE EXCEPTION 'only an approver may approve or reject an assessment: login % is not one', session_user
            USING ERRCODE = '42501';
    END IF;
    want := CASE NEW.status WHEN 'in-review' THEN 'author submitted' WHEN 'draft' THEN 'author withdrawn'
        WHEN 'approved' THEN 'reviewer approved' WHEN 'rejected' THEN 'reviewer rejected' END;
    IF want IS NULL THEN
        RAISE EXCEPTION 'an assessment is a draft, in-review, approved or rejected, not %', NEW.status USING ERRCODE = '22023';
    END IF;
    IF NEW.status IN ('approved', 'rejected') AND OLD.status IS DISTINCT FROM 'in-review' THEN
        RAISE EXCEPTION 'login % may not move assessment % from % to %: it is not in review', session_user, OLD.id, OLD.status, NEW.status
            USING ERRCODE = '42501';
    END IF;
    SELECT s.role, s.decision, s.name, s.xmin INTO last FROM signoffs s
        WHERE s.assessment_id = OLD.id AND s.role IN ('author', 'reviewer') ORDER BY s.id DESC LIMIT 1;
    IF NOT FOUND OR last.role || ' ' || last.decision IS DISTINCT FROM want OR last.name IS DISTINCT FROM session_user
            OR last.xmin IS DISTINCT FROM pg_current_xact_id()::xid THEN
        RAISE EXCEPTION 'login % may not move assessment % from % to % without its signature: the change takes the % signature of login % in the same transaction',
            session_user, OLD.id, OLD.status, NEW.status, want, session_user
            USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
END $$;

-- The ledger's order: an entry follows the ledger's last entry, which
-- the tip names (every writer locks the tip, so every writer may update
-- it: the tip names an entry of the ledger, never one before it).
CREATE FUNCTION assay_ledger_follows() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
    tip RECORD;
BEGIN
    SELECT seq, hash INTO tip FROM ledger_tip FOR UPDATE;
    IF NEW.seq IS DISTINCT FROM tip.seq + 1 OR NEW.prev_hash IS DISTINCT FROM tip.hash THEN
        RAISE EXCEPTION 'ledger entry % (after %) does not follow the ledger''s last entry, % (%)', NEW.seq, NEW.prev_hash, tip.seq, tip.hash
            USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER ledger_tip_follows BEFORE INSERT ON ledger FOR EACH ROW EXECUTE FUNCTION assay_ledger_follows();

CREATE FUNCTION assay_ledger_tip() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    IF NEW.seq < OLD.seq OR NOT EXISTS (SELECT 1 FROM ledger WHERE seq = NEW.seq AND hash = NEW.hash) THEN
        RAISE EXCEPTION 'the ledger''s tip names the ledger''s last entry: login % may not move it from % to %', session_user, OLD.seq, NEW.seq
            USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER ledger_tip_moves BEFORE UPDATE ON ledger_tip FOR EACH ROW EXECUTE FUNCTION assay_ledger_tip();
