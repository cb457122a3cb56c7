-- Deliveries are claimed a page at a time ("claimed"), and each one is marked "sending" just before its mail
-- goes out. The token names the run call that claimed the page: only that call may move it to "sending", so a
-- claim released after its lease (the claimer died) can never be sent twice.
ALTER TABLE "Delivery" ADD COLUMN "claimToken" TEXT;
