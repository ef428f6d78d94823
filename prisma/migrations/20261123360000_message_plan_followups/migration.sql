-- AlterTable
ALTER TABLE "ProofPoint" ADD COLUMN     "schoolsRated" INTEGER,
ADD COLUMN     "schoolsStrong" INTEGER;

-- AlterTable
ALTER TABLE "AudiencePlan" ADD COLUMN     "messageLanguage" TEXT;

-- CreateTable
CREATE TABLE "CommunicationFeed" (
    "districtId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "rotatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CommunicationFeed_pkey" PRIMARY KEY ("districtId")
);

-- AddForeignKey
ALTER TABLE "CommunicationFeed" ADD CONSTRAINT "CommunicationFeed_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE CASCADE ON UPDATE CASCADE;

