-- CreateEnum
CREATE TYPE "CommunicationStatus" AS ENUM ('draft', 'approved', 'sent');

-- CreateEnum
CREATE TYPE "ProofPointKind" AS ENUM ('competency', 'readiness', 'idea', 'other');

-- CreateTable
CREATE TABLE "MessageHouse" (
    "id" TEXT NOT NULL,
    "districtId" TEXT NOT NULL,
    "coreMessage" TEXT NOT NULL DEFAULT '',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MessageHouse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MessagePillar" (
    "id" TEXT NOT NULL,
    "houseId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,

    CONSTRAINT "MessagePillar_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProofPoint" (
    "id" TEXT NOT NULL,
    "pillarId" TEXT NOT NULL,
    "kind" "ProofPointKind" NOT NULL,
    "text" TEXT NOT NULL,
    "source" TEXT,
    "stakeholderGroup" TEXT,
    "refId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProofPoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AudiencePlan" (
    "audienceId" TEXT NOT NULL,
    "message" TEXT NOT NULL DEFAULT '',
    "callToAction" TEXT NOT NULL DEFAULT '',
    "channels" TEXT[],
    "languages" TEXT[],
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AudiencePlan_pkey" PRIMARY KEY ("audienceId")
);

-- CreateTable
CREATE TABLE "Communication" (
    "id" TEXT NOT NULL,
    "districtId" TEXT NOT NULL,
    "audienceId" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "title" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "championId" TEXT,
    "language" TEXT NOT NULL,
    "owner" TEXT,
    "status" "CommunicationStatus" NOT NULL DEFAULT 'draft',
    "feedback" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Communication_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "MessageHouse_districtId_key" ON "MessageHouse"("districtId");

-- CreateIndex
CREATE INDEX "MessagePillar_houseId_position_idx" ON "MessagePillar"("houseId", "position");

-- CreateIndex
CREATE INDEX "ProofPoint_pillarId_createdAt_idx" ON "ProofPoint"("pillarId", "createdAt");

-- CreateIndex
CREATE INDEX "Communication_districtId_date_idx" ON "Communication"("districtId", "date");

-- CreateIndex
CREATE INDEX "Communication_audienceId_idx" ON "Communication"("audienceId");

-- AddForeignKey
ALTER TABLE "MessageHouse" ADD CONSTRAINT "MessageHouse_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MessagePillar" ADD CONSTRAINT "MessagePillar_houseId_fkey" FOREIGN KEY ("houseId") REFERENCES "MessageHouse"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProofPoint" ADD CONSTRAINT "ProofPoint_pillarId_fkey" FOREIGN KEY ("pillarId") REFERENCES "MessagePillar"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AudiencePlan" ADD CONSTRAINT "AudiencePlan_audienceId_fkey" FOREIGN KEY ("audienceId") REFERENCES "Audience"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Communication" ADD CONSTRAINT "Communication_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Communication" ADD CONSTRAINT "Communication_audienceId_fkey" FOREIGN KEY ("audienceId") REFERENCES "Audience"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Communication" ADD CONSTRAINT "Communication_championId_fkey" FOREIGN KEY ("championId") REFERENCES "Champion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

