-- Four eyes for rejections too. Applied by `assay team init` like 001 to
-- 003 (as assay_owner, search_path the team's schema, in one transaction).
--
-- 001 refused an approval by the login that last submitted the
-- assessment, but let the same login, holding the approver role, reject
-- it: the record then read as a reviewer's decision on work nobody else
-- reviewed. assay refused it, the server did not, so a submitter writing
-- the signature by SQL was not stopped. A submitter who wants the
-- assessment back withdraws it, which the record calls a withdrawal.

CREATE OR REPLACE FUNCTION assay_signoff() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
    submitter TEXT;
BEGIN
    IF assay_may_copy() THEN RETURN NEW; END IF;
    IF NEW.name IS DISTINCT FROM session_user THEN
        RAISE EXCEPTION 'login % may not sign as %: a signature names the login that signs', session_user, NEW.name
            USING ERRCODE = '42501';
    END IF;
    IF NEW.role IN ('reviewer', 'dpo') AND NOT assay_is('approver') THEN
        RAISE EXCEPTION 'only an approver may approve, reject or give the DPO''s opinion: login % is not one', session_user
            USING ERRCODE = '42501';
    END IF;
    IF NEW.role = 'author' AND NOT assay_is('analyst') THEN
        RAISE EXCEPTION 'only an analyst may submit or withdraw an assessment: login % is not one', session_user
            USING ERRCODE = '42501';
    END IF;
    IF NEW.role = 'reviewer' AND NEW.decision IN ('approved', 'rejected') THEN
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
