-- Deliveries are claimed a page at a time ("claimed"), and each one is marked "sending" just before its mail
-- goes out. The token names the run call that claimed the page: only that call may move it to "sending", so a
-- claim released after its lease (the claimer died) can never be sent twice.
ALTER TABLE "Delivery" ADD COLUMN "claimToken" TEXT;

-- A page claim reads a run's pending deliveries in id order: through this index it reads only those, instead of
-- walking past every delivery already claimed or sent.
CREATE INDEX "Delivery_runId_status_id_idx" ON "Delivery"("runId", "status", "id");
