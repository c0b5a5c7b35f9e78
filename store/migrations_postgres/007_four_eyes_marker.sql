-- The four-eyes refusal, marked. Applied by `assay team init` like 001
-- to 006 (as assay_owner, search_path the team's schema, in one
-- transaction).
--
-- 004 and 005 refused the submitter's own approval or rejection with a
-- text of their own that named the command line's remedy ("(assay review
-- N --withdraw)"), and assay passed it on as it came: the workspace and
-- accessible mode, where the person withdraws with a key or a menu
-- choice, pointed to a shell. Now the refusal carries a mark assay
-- finds it by, whatever its words: SQLSTATE 42501 with the constraint
-- name assay_four_eyes. assay then gives the domain's refusal, whose
-- remedy each surface says in its own words; the server's text, for
-- whoever writes SQL, names no command. assay_signoff is otherwise 005's.

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
