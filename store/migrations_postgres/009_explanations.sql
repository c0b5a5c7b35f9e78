-- Applied by `assay team init` like 001 to 008 (as assay_owner,
-- search_path the team's schema, in one transaction).
--
-- An explanation of answers that disagree (a consistency check that
-- holds) is an explain audit record, in the assessment's hash chain, so
-- that assay verify holds it to what was written. Every load of an
-- assessment reads them (store/explain.go); without this index that read
-- walks all of an assessment's audit records to find a few.
CREATE INDEX events_explain ON events (assessment_id, seq) WHERE kind = 'explain';

-- Who may explain: an analyst, who answers (the insert on events that
-- explaining needs is the analyst's since 001). An approver also writes
-- audit records, with every signature, but explaining the answers an
-- approver then signs would be vouching for them twice; an auditor
-- writes nothing. An approved assessment is locked: nothing is explained
-- on it after the approval. The owner's copy brings explanations in as
-- they were recorded elsewhere.
CREATE FUNCTION assay_explain_record() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    IF NEW.kind IS DISTINCT FROM 'explain' OR assay_may_copy() THEN
        RETURN NEW;
    END IF;
    IF NOT assay_is('analyst') THEN
        RAISE EXCEPTION 'only an analyst may explain answers that disagree: login % is not one', session_user
            USING ERRCODE = '42501';
    END IF;
    IF (SELECT status FROM assessments WHERE id = NEW.assessment_id) = 'approved' THEN
        RAISE EXCEPTION 'assessment is approved and locked' USING ERRCODE = 'P0001';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER events_explain_record BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION assay_explain_record();
