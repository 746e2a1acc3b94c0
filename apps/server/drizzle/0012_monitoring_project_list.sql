-- The monitoring project list (GET /api/municipalities/:code/monitoring/projects, the dashboard's first page and the
-- CSV) is ordered by name, then id, within one municipality: this index lets the default order read only the rows of
-- one page (LIMIT/OFFSET) or of one keyset batch (CSV), instead of sorting every project of a big municipality.
CREATE INDEX "project_monitoring_list_idx" ON "project_monitoring" USING btree ("municipality_code", "name", "project_id");
