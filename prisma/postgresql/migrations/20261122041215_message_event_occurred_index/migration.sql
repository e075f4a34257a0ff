-- CreateIndex
CREATE INDEX "MessageEvent_event_occurredAt_idx" ON "MessageEvent"("event", "occurredAt");

