-- The archive's rules and the rest of the sign-off's, held by the
-- server. Applied by `assay team init` like 001 to 012 (as assay_owner,
-- search_path the team's schema, in one transaction).
--
-- assay refused these before anything was written; the server did not,
-- so a team login writing SQL on its own connection (its own password,
-- no assay) could:
--
-- 1. sign an archived assessment (set aside as started by mistake):
--    submit, withdraw, approve, reject it or give the DPO's opinion on it;
-- 2. archive an assessment in review (before the committee) or approved
--    (the committee's signed decision, which stays listed); revise an
--    archived approval, or "revise" an assessment that is not approved;
-- 3. sign a DPO opinion with any words for its decision, and a
--    rejection or an opinion that is not favourable with no reasons;
-- 4. submit an assessment already in review (the last submission is
--    whom four eyes holds back, so another analyst's submission let the
--    first submitter approve their own work) or withdraw a draft, or
--    sign a submission or withdrawal and leave the status as it was.
--
-- Now each is refused, its text naming the rule. The archive's refusals
-- carry a mark assay finds them by, as four eyes' does (007): SQLSTATE
-- 42501 with the constraint name assay_archived (signing or revising an
-- archived assessment) or assay_archive_refused (archiving one in review
-- or approved; its detail is the status), so that assay gives its own
-- words for them when the server's refusal is the one that answers.
-- The owner's copies (assay migrate, import) bring history as it was.
--
-- Rows already on the server are left as they are: the rules hold for
-- what is written from now on. An assessment an older server let be
-- archived in review or approved stays so, until someone restores it
-- (restoring is always allowed); while archived it is signed by nobody
-- and not revised, as assay refused already; its summary and list are
-- written as ever. Sign-offs already recorded are never changed (001).

-- 1, 3 and 4 at the signature: the assessment's row is read with a
-- share lock, so that an archive under way in another transaction is
-- waited for and seen, not read as it was before it.
CREATE OR REPLACE FUNCTION assay_signoff() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
    submitter TEXT;
    drawn     BIGINT;
    st        TEXT;
    arch      INTEGER;
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
    IF NEW.role = 'dpo' AND NEW.decision NOT IN ('favourable', 'favourable-with-reservations', 'unfavourable') THEN
        RAISE EXCEPTION 'a dpo signature decides "favourable", "favourable-with-reservations" or "unfavourable", not "%"', NEW.decision
            USING ERRCODE = '22023';
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
    IF (NEW.role = 'reviewer' AND NEW.decision = 'rejected') OR (NEW.role = 'dpo' AND NEW.decision <> 'favourable') THEN
        IF NEW.comment !~ '[^[:space:]]' THEN
            RAISE EXCEPTION 'a % % signature gives its reasons: its comment is empty', NEW.role, NEW.decision
                USING ERRCODE = '22023';
        END IF;
    END IF;
    SELECT a.status, a.archived INTO st, arch FROM assessments a WHERE a.id = NEW.assessment_id FOR SHARE;
    IF arch IS DISTINCT FROM 0 THEN
        RAISE EXCEPTION 'login % may not sign % on assessment %: it is archived (set aside as started by mistake); restore it first',
            session_user, NEW.decision, NEW.assessment_id
            USING ERRCODE = '42501', CONSTRAINT = 'assay_archived';
    END IF;
    IF NEW.role = 'author' AND NEW.decision = 'submitted' AND st NOT IN ('draft', 'rejected') THEN
        RAISE EXCEPTION 'login % may not submit assessment %: it is %; only a draft or a rejected assessment is submitted', session_user, NEW.assessment_id, st
            USING ERRCODE = '42501';
    END IF;
    IF NEW.role = 'author' AND NEW.decision = 'withdrawn' AND st IS DISTINCT FROM 'in-review' THEN
        RAISE EXCEPTION 'login % may not withdraw assessment %: it is %, not in review', session_user, NEW.assessment_id, st
            USING ERRCODE = '42501';
    END IF;
    IF NEW.role = 'reviewer' THEN
        IF st IS DISTINCT FROM 'in-review' THEN
            RAISE EXCEPTION 'login % may not sign % on assessment %: it is %, not in review', session_user, NEW.decision, NEW.assessment_id, st
                USING ERRCODE = '42501';
        END IF;
        SELECT s.name INTO submitter FROM signoffs s
            WHERE s.assessment_id = NEW.assessment_id AND s.role = 'author' AND s.decision = 'submitted'
            ORDER BY s.id DESC LIMIT 1;
        IF submitter IS NOT NULL AND lower(btrim(submitter)) = lower(btrim(NEW.name)) THEN
            IF NEW.decision = 'rejected' THEN
                RAISE EXCEPTION 'four eyes: % submitted this assessment and may not reject it; another approver must, or % withdraws it',
                    submitter, submitter
                    USING ERRCODE = '42501', CONSTRAINT = 'assay_four_eyes';
            END IF;
            RAISE EXCEPTION 'four eyes: % submitted this assessment and may not approve it; another approver must', submitter
                USING ERRCODE = '42501', CONSTRAINT = 'assay_four_eyes';
        END IF;
    END IF;
    RETURN NEW;
END $$;

-- 4: a submission or withdrawal, like a reviewer's decision (005), is
-- the assessment's status when its transaction commits.
CREATE OR REPLACE FUNCTION assay_signoff_decided() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
    st   TEXT;
    want TEXT;
BEGIN
    want := CASE NEW.role || ' ' || NEW.decision WHEN 'author submitted' THEN 'in-review' WHEN 'author withdrawn' THEN 'draft'
        WHEN 'reviewer approved' THEN 'approved' WHEN 'reviewer rejected' THEN 'rejected' END;
    IF want IS NOT NULL THEN
        SELECT status INTO st FROM assessments WHERE id = NEW.assessment_id;
        IF st IS DISTINCT FROM want AND NOT assay_may_copy() THEN
            RAISE EXCEPTION 'login % signed % on assessment %, which is left %: a signature moves the assessment to % in the same transaction',
                session_user, NEW.decision, NEW.assessment_id, st, want
                USING ERRCODE = '42501';
        END IF;
    END IF;
    RETURN NULL;
END $$;

-- 2 at the revision: it revises an approval, not archived. The revised
-- row is read with a share lock, as a signature's is.
CREATE OR REPLACE FUNCTION assay_assessment_created() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
    st   TEXT;
    arch INTEGER;
BEGIN
    IF NEW.status IS DISTINCT FROM 'draft' AND NOT assay_may_copy() THEN
        RAISE EXCEPTION 'an assessment starts as a draft: login % created one %', session_user, NEW.status
            USING ERRCODE = '42501';
    END IF;
    IF NEW.revision_of IS NOT NULL AND NOT assay_may_copy() THEN
        SELECT a.status, a.archived INTO st, arch FROM assessments a WHERE a.id = NEW.revision_of FOR SHARE;
        IF arch IS DISTINCT FROM 0 THEN
            RAISE EXCEPTION 'login % may not revise assessment %: it is archived (set aside as started by mistake); restore it first',
                session_user, NEW.revision_of
                USING ERRCODE = '42501', CONSTRAINT = 'assay_archived';
        END IF;
        IF st IS DISTINCT FROM 'approved' THEN
            RAISE EXCEPTION 'login % may not revise assessment %: it is %; only an approved assessment is revised', session_user, NEW.revision_of, st
                USING ERRCODE = '42501';
        END IF;
    END IF;
    NEW.created_xact := pg_current_xact_id();
    RETURN NEW;
END $$;

-- 1 and 2 at the assessment's row: its status does not move while it is
-- archived (nor as it is archived), and it is not archived in review or
-- approved. Restoring is always allowed. Otherwise 005's.
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
    IF NEW.archived IS DISTINCT FROM 0 AND OLD.archived IS NOT DISTINCT FROM 0 AND NEW.status IN ('in-review', 'approved')
            AND NOT assay_may_copy() THEN
        IF NEW.status = 'approved' THEN
            RAISE EXCEPTION 'login % may not archive assessment %: it is approved, the committee''s signed decision, and stays listed; a change to it starts a revision',
                session_user, OLD.id
                USING ERRCODE = '42501', CONSTRAINT = 'assay_archive_refused', DETAIL = NEW.status;
        END IF;
        RAISE EXCEPTION 'login % may not archive assessment %: it is in review, before the committee; withdrawn to draft, it may be archived',
            session_user, OLD.id
            USING ERRCODE = '42501', CONSTRAINT = 'assay_archive_refused', DETAIL = NEW.status;
    END IF;
    IF NEW.status IS NOT DISTINCT FROM OLD.status THEN
        RETURN NEW;
    END IF;
    IF assay_may_copy() THEN
        RETURN NEW;
    END IF;
    IF OLD.archived IS DISTINCT FROM 0 OR NEW.archived IS DISTINCT FROM 0 THEN
        RAISE EXCEPTION 'login % may not move assessment % from % to %: it is archived (set aside as started by mistake); restore it first',
            session_user, OLD.id, OLD.status, NEW.status
            USING ERRCODE = '42501', CONSTRAINT = 'assay_archived';
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
