-- CreateEnum
CREATE TYPE "PortraitStatus" AS ENUM ('draft', 'in_review', 'adopted');

-- CreateEnum
CREATE TYPE "PortraitVersionKind" AS ENUM ('manual', 'published', 'restored', 'adopted');

-- CreateTable
CREATE TABLE "PortraitDocument" (
    "id" TEXT NOT NULL,
    "districtId" TEXT NOT NULL,
    "state" BYTEA NOT NULL,
    "status" "PortraitStatus" NOT NULL DEFAULT 'draft',
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PortraitDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PortraitVersion" (
    "id" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "districtId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "PortraitVersionKind" NOT NULL DEFAULT 'manual',
    "content" JSONB NOT NULL,
    "state" BYTEA NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PortraitVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PortraitDocument_districtId_key" ON "PortraitDocument"("districtId");

-- CreateIndex
CREATE INDEX "PortraitVersion_districtId_createdAt_idx" ON "PortraitVersion"("districtId", "createdAt");

-- AddForeignKey
ALTER TABLE "PortraitDocument" ADD CONSTRAINT "PortraitDocument_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PortraitVersion" ADD CONSTRAINT "PortraitVersion_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "PortraitDocument"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PortraitVersion" ADD CONSTRAINT "PortraitVersion_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

