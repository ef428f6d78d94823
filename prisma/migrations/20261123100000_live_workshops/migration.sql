-- CreateEnum
CREATE TYPE "WorkshopStatus" AS ENUM ('draft', 'live', 'paused', 'ended');

-- CreateEnum
CREATE TYPE "ActivityType" AS ENUM ('brainstorm', 'rate', 'poll', 'scale', 'wordcloud', 'ranking', 'nomination');

-- CreateEnum
CREATE TYPE "ActivityState" AS ENUM ('pending', 'open', 'locked', 'closed');

-- CreateEnum
CREATE TYPE "NominationStatus" AS ENUM ('pending', 'accepted', 'merged', 'dismissed');

-- CreateTable
CREATE TABLE "Workshop" (
    "id" TEXT NOT NULL,
    "districtId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "scheduledAt" TIMESTAMP(3),
    "languages" TEXT[],
    "joinCode" TEXT NOT NULL,
    "status" "WorkshopStatus" NOT NULL DEFAULT 'draft',
    "currentActivityId" TEXT,
    "createdById" TEXT,
    "startedAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Workshop_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Activity" (
    "id" TEXT NOT NULL,
    "workshopId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "type" "ActivityType" NOT NULL,
    "config" JSONB NOT NULL,
    "state" "ActivityState" NOT NULL DEFAULT 'pending',
    "resultsVisible" BOOLEAN NOT NULL DEFAULT false,
    "timerEndsAt" TIMESTAMP(3),
    "spotlightIdeaId" TEXT,
    "openedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Activity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Participant" (
    "id" TEXT NOT NULL,
    "workshopId" TEXT NOT NULL,
    "deviceTokenHash" TEXT NOT NULL,
    "stakeholderGroupId" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "displayName" TEXT,
    "joinedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Participant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Theme" (
    "id" TEXT NOT NULL,
    "workshopId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Theme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Idea" (
    "id" TEXT NOT NULL,
    "workshopId" TEXT NOT NULL,
    "activityId" TEXT NOT NULL,
    "participantId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "hiddenAt" TIMESTAMP(3),
    "mergedIntoId" TEXT,
    "themeId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Idea_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Rating" (
    "id" TEXT NOT NULL,
    "activityId" TEXT NOT NULL,
    "ideaId" TEXT NOT NULL,
    "participantId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "value" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Rating_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Response" (
    "id" TEXT NOT NULL,
    "activityId" TEXT NOT NULL,
    "participantId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Response_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Nomination" (
    "id" TEXT NOT NULL,
    "districtId" TEXT NOT NULL,
    "activityId" TEXT NOT NULL,
    "participantId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "nomineeName" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "contact" TEXT,
    "consentGiven" BOOLEAN NOT NULL,
    "status" "NominationStatus" NOT NULL DEFAULT 'pending',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Nomination_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Workshop_joinCode_key" ON "Workshop"("joinCode");

-- CreateIndex
CREATE INDEX "Workshop_districtId_createdAt_idx" ON "Workshop"("districtId", "createdAt");

-- CreateIndex
CREATE INDEX "Activity_workshopId_position_idx" ON "Activity"("workshopId", "position");

-- CreateIndex
CREATE INDEX "Participant_workshopId_stakeholderGroupId_idx" ON "Participant"("workshopId", "stakeholderGroupId");

-- CreateIndex
CREATE UNIQUE INDEX "Participant_workshopId_deviceTokenHash_key" ON "Participant"("workshopId", "deviceTokenHash");

-- CreateIndex
CREATE INDEX "Theme_workshopId_idx" ON "Theme"("workshopId");

-- CreateIndex
CREATE INDEX "Idea_activityId_createdAt_idx" ON "Idea"("activityId", "createdAt");

-- CreateIndex
CREATE INDEX "Idea_workshopId_idx" ON "Idea"("workshopId");

-- CreateIndex
CREATE UNIQUE INDEX "Idea_participantId_clientId_key" ON "Idea"("participantId", "clientId");

-- CreateIndex
CREATE INDEX "Rating_ideaId_idx" ON "Rating"("ideaId");

-- CreateIndex
CREATE UNIQUE INDEX "Rating_participantId_clientId_key" ON "Rating"("participantId", "clientId");

-- CreateIndex
CREATE UNIQUE INDEX "Rating_activityId_participantId_ideaId_key" ON "Rating"("activityId", "participantId", "ideaId");

-- CreateIndex
CREATE UNIQUE INDEX "Response_participantId_clientId_key" ON "Response"("participantId", "clientId");

-- CreateIndex
CREATE UNIQUE INDEX "Response_activityId_participantId_key" ON "Response"("activityId", "participantId");

-- CreateIndex
CREATE INDEX "Nomination_districtId_status_idx" ON "Nomination"("districtId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Nomination_participantId_clientId_key" ON "Nomination"("participantId", "clientId");

-- AddForeignKey
ALTER TABLE "Workshop" ADD CONSTRAINT "Workshop_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Workshop" ADD CONSTRAINT "Workshop_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Activity" ADD CONSTRAINT "Activity_workshopId_fkey" FOREIGN KEY ("workshopId") REFERENCES "Workshop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Participant" ADD CONSTRAINT "Participant_workshopId_fkey" FOREIGN KEY ("workshopId") REFERENCES "Workshop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Participant" ADD CONSTRAINT "Participant_stakeholderGroupId_fkey" FOREIGN KEY ("stakeholderGroupId") REFERENCES "StakeholderGroup"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Theme" ADD CONSTRAINT "Theme_workshopId_fkey" FOREIGN KEY ("workshopId") REFERENCES "Workshop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Idea" ADD CONSTRAINT "Idea_workshopId_fkey" FOREIGN KEY ("workshopId") REFERENCES "Workshop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Idea" ADD CONSTRAINT "Idea_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "Activity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Idea" ADD CONSTRAINT "Idea_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "Participant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Idea" ADD CONSTRAINT "Idea_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Idea"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Idea" ADD CONSTRAINT "Idea_themeId_fkey" FOREIGN KEY ("themeId") REFERENCES "Theme"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rating" ADD CONSTRAINT "Rating_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "Activity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rating" ADD CONSTRAINT "Rating_ideaId_fkey" FOREIGN KEY ("ideaId") REFERENCES "Idea"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rating" ADD CONSTRAINT "Rating_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "Participant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Response" ADD CONSTRAINT "Response_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "Activity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Response" ADD CONSTRAINT "Response_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "Participant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Nomination" ADD CONSTRAINT "Nomination_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Nomination" ADD CONSTRAINT "Nomination_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "Activity"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Nomination" ADD CONSTRAINT "Nomination_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "Participant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

