CREATE INDEX "agenda_items_parent_idx" ON "agenda_items" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "decisions_agenda_item_idx" ON "decisions" USING btree ("agenda_item_id");--> statement-breakpoint
CREATE INDEX "decisions_approves_minutes_idx" ON "decisions" USING btree ("approves_minutes_of_id");--> statement-breakpoint
CREATE INDEX "meetings_copied_from_idx" ON "meetings" USING btree ("copied_from_id");