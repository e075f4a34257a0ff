-- AlterTable
ALTER TABLE "Enrollment" ADD COLUMN     "recoveredAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "DailyStat" ADD COLUMN     "enrolledRecovered" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "heldOutRecovered" INTEGER NOT NULL DEFAULT 0;

