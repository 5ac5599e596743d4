import { Module } from '@nestjs/common';
import { SmartHrApiController, SmartHrControlController } from './smarthr-sim.controller';
import { SmartHrSimService } from './smarthr-sim.service';

/** The simulator's SmartHR face (an HR system, beside the two ATS faces). */
@Module({
  controllers: [SmartHrApiController, SmartHrControlController],
  providers: [SmartHrSimService],
  exports: [SmartHrSimService],
})
export class SmartHrSimModule {}
